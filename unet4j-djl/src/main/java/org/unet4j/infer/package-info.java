/**
 * Inference: {@link org.unet4j.infer.Segmenter} runs a trained net on images of any size by overlap-tile inference
 * (tiling from {@code org.unet4j.core.tiling}, the net behind {@link org.unet4j.infer.DjlTileModel}) and returns
 * probabilities and labels; {@link org.unet4j.infer.TileSizing} picks the tile from a memory budget.
 * Depends on {@code org.unet4j.core} and {@code ai.djl}; must not depend on {@code org.unet4j.train}.
 */
package org.unet4j.infer;
