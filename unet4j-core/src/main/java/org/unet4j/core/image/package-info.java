/**
 * In-memory images as plain arrays: {@link org.unet4j.core.image.FloatImage} (C×H×W floats) and
 * {@link org.unet4j.core.image.LabelImage} (H×W ints). Depends on nothing.
 */
package org.unet4j.core.image;
