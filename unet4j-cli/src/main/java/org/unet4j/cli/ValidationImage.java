package org.unet4j.cli;

import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * A whole validation image and its class mask, scored through the same inference path as {@code unet predict}.
 *
 * @param name for reports
 * @param image C×H×W, normalised like the training images
 * @param truth class per pixel
 */
record ValidationImage(String name, FloatImage image, LabelImage truth) {}
