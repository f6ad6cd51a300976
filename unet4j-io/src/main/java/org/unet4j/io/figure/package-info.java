/**
 * Pictures for people: outlines over images, masks. Rendering only (AWT {@code BufferedImage}); writing files is
 * {@code org.unet4j.io}'s job. Depends on {@code org.unet4j.core.image}.
 */
package org.unet4j.io.figure;
