package org.sparkhpo.it;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Debian's {@code chromium} in headless mode, as the report's browser tests and the page-load benchmark use it:
 * {@code --dump-dom} prints the DOM after the page's scripts ran, {@code --screenshot} writes a PNG. Each call
 * is one browser process with a fresh profile in a temporary directory, stopped by its handle on a timeout.
 */
public final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 120;
    private final Path workDirectory;

    /** @param workDirectory where profiles and screenshots go */
    public HeadlessChromium(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** @return the DOM of {@code page} after its scripts ran, as Chromium serializes it */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    /** @return the screenshot of {@code page} at width x height, read back as an image */
    public BufferedImage screenshot(Path page, Path png, int width, int height)
            throws IOException, InterruptedException {
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png, page.toUri().toString()));
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException("chromium wrote no readable PNG to " + png);
        }
        return image;
    }

    /**
     * @param dom a DOM from {@link #dumpDom}
     * @param attribute an attribute of the {@code <html>} element
     * @return its value, or null when the element does not have it
     */
    public static String rootAttribute(String dom, String attribute) {
        Matcher root = Pattern.compile("<html([^>]*)>").matcher(dom);
        if (!root.find()) {
            throw new IllegalArgumentException("no <html> element in the DOM");
        }
        Matcher value = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(root.group(1));
        return value.find() ? value.group(1) : null;
    }

    /** @return the variance of the pixels' luminance (0 for a blank image) */
    public static double luminanceVariance(BufferedImage image) {
        double sum = 0.0;
        double squares = 0.0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                double luminance = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += luminance;
                squares += luminance * luminance;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDirectory, "chromium-profile");
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path out = Files.createTempFile(workDirectory, "chromium", ".out");
        Path err = Files.createTempFile(workDirectory, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
