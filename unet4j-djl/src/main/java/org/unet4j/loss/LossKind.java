package org.unet4j.loss;

import java.util.Locale;

/** The losses a run can be configured with, by name. */
public enum LossKind {
  /** The paper's pixel-weighted softmax cross-entropy. */
  WEIGHTED_CE,
  /** Soft Dice over the foreground classes. */
  DICE,
  /** Weighted cross-entropy + soft Dice. */
  CE_DICE,
  /** Weighted binary cross-entropy with logits, for single-channel nets. */
  BCE;

  /** A new loss of this kind. */
  public SegmentationLoss create() {
    return switch (this) {
      case WEIGHTED_CE -> new WeightedSoftmaxCrossEntropy();
      case DICE -> new SoftDiceLoss();
      case CE_DICE -> new CombinedLoss(new WeightedSoftmaxCrossEntropy(), new SoftDiceLoss());
      case BCE -> new BinaryCrossEntropyWithLogits();
    };
  }

  /** Parses {@code weighted-ce}, {@code dice}, {@code ce-dice} or {@code bce} (case-insensitive, - or _). */
  public static LossKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown loss '" + text + "'; use weighted-ce, dice, ce-dice or bce", e);
    }
  }
}
