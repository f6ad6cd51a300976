package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

@Timeout(30)
class PatchQueueTest {

  static PatchSampler sampler() {
    return new PatchSampler(
        List.of(PatchSamplerTest.indexed(40, 40), PatchSamplerTest.indexed(30, 50)),
        36,
        20,
        AugmentationSpec.defaults().withMaxRotationDeg(20),
        IntensityJitter.defaults());
  }

  static List<TrainingPatch> takeAll(PatchQueue q, int n) throws InterruptedException {
    List<TrainingPatch> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(q.take());
    }
    return out;
  }

  @Test
  void outputIsTheSameForOneAndThreeWorkersAndEqualsDirectSampling() throws InterruptedException {
    PatchSampler s = sampler();
    List<TrainingPatch> one;
    List<TrainingPatch> three;
    try (PatchQueue q = PatchQueue.of(s, 17, 1, 2)) {
      one = takeAll(q, 40);
    }
    try (PatchQueue q = PatchQueue.of(s, 17, 3, 2)) {
      three = takeAll(q, 40);
      assertThat(q.nextIndex()).isEqualTo(40);
    }
    assertThat(three).isEqualTo(one);
    for (int i = 0; i < 40; i++) {
      assertThat(one.get(i)).isEqualTo(s.sample(17, i));
    }
  }

  @Test
  void ordersPatchesEvenWhenLaterOnesFinishFirst() throws InterruptedException {
    // index i sleeps longer for small i, so workers finish out of order; take() must still return 0, 1, 2, …
    try (PatchQueue q =
        new PatchQueue(
            i -> {
              try {
                Thread.sleep((10 - i % 10) * 2L);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return tagged(i);
            },
            100,
            4,
            3)) {
      for (int k = 0; k < 30; k++) {
        assertThat(q.take().mask().get(0, 0)).isEqualTo(100 + k);
      }
    }
  }

  @Test
  void workerFailureReachesTheConsumerWithItsCauseAfterTheEarlierPatches() throws InterruptedException {
    RuntimeException boom = new IllegalArgumentException("corrupt image 3");
    try (PatchQueue q =
        new PatchQueue(
            i -> {
              if (i == 5) {
                throw boom;
              }
              return tagged(i);
            },
            0,
            3,
            2)) {
      for (int k = 0; k < 5; k++) {
        assertThat(q.take().mask().get(0, 0)).isEqualTo(k);
      }
      assertThatThrownBy(q::take)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("patch 5")
          .hasMessageContaining("corrupt image 3")
          .hasCause(boom);
      assertThatThrownBy(q::take).hasCause(boom); // sticky
    }
  }

  @Test
  void closeStopsBlockedWorkersAndRefusesFurtherTakes() throws InterruptedException {
    AtomicInteger produced = new AtomicInteger();
    PatchQueue q = new PatchQueue(i -> {
      produced.incrementAndGet();
      return tagged(i);
    }, 0, 2, 1);
    assertThat(q.take().mask().get(0, 0)).isZero();
    Thread.sleep(50); // workers now block on the full queue
    q.close();
    q.close();
    Thread.sleep(50);
    int afterClose = produced.get();
    Thread.sleep(100);
    assertThat(produced.get()).isEqualTo(afterClose).isLessThanOrEqualTo(5); // capacity 1 + 2 in flight + slack
    assertThatThrownBy(q::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  private static TrainingPatch tagged(long i) {
    LabelImage mask = new LabelImage(1, 1, new int[] {(int) i});
    return new TrainingPatch(FloatImage.zeros(1, 1, 1), mask, FloatImage.zeros(1, 1, 1));
  }
}
