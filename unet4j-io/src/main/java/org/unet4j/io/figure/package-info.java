/**
 * Pictures for people: outlines over images, masks, heat maps, contact sheets and the image | truth | prediction |
 * error-map comparison of {@code unet evaluate}. Rendering only (AWT {@code BufferedImage}); writing files is
 * {@code org.unet4j.io}'s job. Depends on {@code org.unet4j.core.image}.
 */
package org.unet4j.io.figure;
