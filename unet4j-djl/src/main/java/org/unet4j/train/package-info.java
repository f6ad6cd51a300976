/**
 * Training: {@link org.unet4j.train.TrainingLoop} with our own optimisers ({@link org.unet4j.train.OptimizerSpec},
 * {@link org.unet4j.train.ParameterOptimizer}) whose state we own. Depends on {@code org.unet4j.loss},
 * {@code org.unet4j.core} and {@code ai.djl}; never on {@code org.unet4j.infer}'s callers or the CLI.
 */
package org.unet4j.train;
