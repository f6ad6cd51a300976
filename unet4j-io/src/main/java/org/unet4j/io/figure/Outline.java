package org.unet4j.io.figure;

import org.unet4j.core.image.LabelImage;

/**
 * A label image drawn as outlines in one colour.
 *
 * @param labels class or instance labels (0 = background, not drawn)
 * @param rgb colour as {@code 0xRRGGBB}
 */
public record Outline(LabelImage labels, int rgb) {}
