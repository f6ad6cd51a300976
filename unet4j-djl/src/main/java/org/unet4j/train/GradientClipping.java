package org.unet4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;

/**
 * Clipping by global norm: if {@code ‖g‖₂ = sqrt(Σ_p Σ g_p²)} over all parameters exceeds {@code maxNorm}, every
 * gradient is scaled by {@code maxNorm / ‖g‖₂} (as {@code torch.nn.utils.clip_grad_norm_}). DJL's own clipping
 * clamps values from above only, which is not a norm and ignores negative gradients.
 */
public final class GradientClipping {
  private GradientClipping() {}

  /**
   * Scales the gradients in place when needed; must run outside the gradient collector.
   *
   * @return the global norm before clipping
   */
  public static double clipByGlobalNorm(PairList<String, Parameter> parameters, double maxNorm) {
    try (NDScope scope = new NDScope()) {
      NDList gradients = new NDList();
      NDList squares = new NDList();
      for (Parameter parameter : parameters.values()) {
        NDArray weight = parameter.getArray();
        if (weight.hasGradient()) {
          NDArray gradient = weight.getGradient();
          gradients.add(gradient);
          squares.add(gradient.square().sum());
        }
      }
      if (gradients.isEmpty()) {
        return 0;
      }
      double norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat());
      if (norm > maxNorm) {
        // One 0-d array for all parameters: muli(float) would make and free one per parameter.
        NDArray scale = gradients.get(0).getManager().create((float) (maxNorm / (norm + 1e-6)));
        for (NDArray gradient : gradients) {
          gradient.muli(scale);
        }
      }
      return norm;
    }
  }
}
