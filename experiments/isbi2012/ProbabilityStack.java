import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unet4j.core.image.FloatImage;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;

/**
 * Assembles `unet predict` probability files 0.tif … 29.tif (one page per class) into one 32-bit float stack with the
 * class-1 probability of slice k on page k: the format of the ISBI 2012 submissions (a probability stack of the
 * test volume's size). Class 1 is the cell interior, as in the challenge's training labels (255 = interior).
 *
 * <p>java -cp CLASSPATH ProbabilityStack.java PROBABILITY_DIR SLICES OUT.tif
 */
public class ProbabilityStack {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int slices = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    List<RawImage> pages = new ArrayList<>();
    for (int k = 0; k < slices; k++) {
      Path file = dir.resolve(k + ".tif");
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file + " is missing: expected probabilities of slices 0.." + (slices - 1));
      }
      FloatImage interior = MicroscopyImages.read(file, 1).pixels();
      pages.add(new RawImage(interior, SampleType.FLOAT32));
    }
    TiffImages.writeStack(out, pages, TiffCompression.NONE);
    System.out.println("wrote " + out + ": " + slices + " pages of class-1 (cell interior) probability");
  }
}
