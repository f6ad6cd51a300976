package org.unet4j.cli;

import org.unet4j.train.TrainingState;

/**
 * How a training run ended.
 *
 * @param state counters and best score at the end
 * @param stoppedEarly whether early stopping ended it
 * @param lastEpochLoss mean training loss of the last epoch
 * @param elapsedSeconds wall time of the whole run (all sessions)
 */
record TrainingOutcome(TrainingState state, boolean stoppedEarly, double lastEpochLoss, double elapsedSeconds) {}
