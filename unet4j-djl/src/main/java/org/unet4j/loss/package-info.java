/**
 * Segmentation losses on DJL NDArrays: the paper's weighted softmax cross-entropy and friends. Depends on
 * {@code ai.djl.ndarray} only.
 */
package org.unet4j.loss;
