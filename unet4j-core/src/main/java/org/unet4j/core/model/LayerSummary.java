package org.unet4j.core.model;

/**
 * One layer of a U-Net as a user sees it: what it does and what size goes in and comes out (square tiles).
 *
 * @param name e.g. {@code "conv 3×3"}, {@code "max-pool 2×2"}, {@code "up-conv 2×2"}
 * @param level resolution level (0 = full resolution)
 * @param inChannels channels in
 * @param outChannels channels out
 * @param inputPx spatial size in
 * @param outputPx spatial size out
 * @param parameters learned values (weights + biases + norm scale/shift)
 */
public record LayerSummary(
    String name, int level, int inChannels, int outChannels, int inputPx, int outputPx, long parameters) {}
