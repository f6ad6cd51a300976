/**
 * In-memory images as plain arrays: {@link org.unet4j.core.image.FloatImage} (C×H×W floats) and
 * {@link org.unet4j.core.image.LabelImage} (H×W ints), and the region seams {@link
 * org.unet4j.core.image.RegionReader} / {@link org.unet4j.core.image.RegionWriter} through which large images are
 * read and results written piece by piece. Depends on nothing.
 */
package org.unet4j.core.image;
