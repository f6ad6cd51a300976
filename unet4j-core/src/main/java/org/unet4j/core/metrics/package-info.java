/**
 * Segmentation metrics as mergeable sufficient statistics plus pure functions ({@link
 * org.unet4j.core.metrics.ConfusionCounts}); every ratio documents its empty-set rule. Depends on
 * {@code org.unet4j.core.image} only.
 */
package org.unet4j.core.metrics;
