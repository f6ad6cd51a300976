package org.unet4j.io.dataset;

import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.io.SampleType;

/**
 * A training sample in memory.
 *
 * @param image the image after channel selection and normalisation, C×H×W
 * @param mask the labels after mask interpretation, H×W
 * @param imageType how the image samples were stored (before normalisation)
 * @param maskMode the concrete mode used for the mask (never AUTO)
 * @param source the files it came from
 */
public record LoadedSample(FloatImage image, LabelImage mask, SampleType imageType, MaskMode maskMode,
    SamplePair source) {}
