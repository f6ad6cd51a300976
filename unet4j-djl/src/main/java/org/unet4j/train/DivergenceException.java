package org.unet4j.train;

/** Training produced a non-finite loss; the current parameters must not be used. */
public final class DivergenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the iteration whose loss was {@code loss}. */
  public DivergenceException(long iteration, double loss) {
    super(
        "training diverged at iteration " + iteration + " (loss = " + loss + "); lower the learning rate (e.g. by"
            + " 10×), enable gradient clipping, or check the inputs for NaN values");
  }
}
