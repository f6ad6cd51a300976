/**
 * Helpers shared by the tests of every module: tiny network configurations and small seeded images whose right
 * answer is known. Depends on {@code unet4j-core} only.
 */
package org.unet4j.testing;
