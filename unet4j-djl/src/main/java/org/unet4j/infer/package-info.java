/**
 * Inference: {@link org.unet4j.infer.Segmenter} runs a trained net on images and returns probabilities and labels.
 * Depends on {@code org.unet4j.core} and {@code ai.djl}; must not depend on {@code org.unet4j.train}.
 */
package org.unet4j.infer;
