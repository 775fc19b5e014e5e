package org.sparkhpo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README.md documents every configuration key that reference.conf defines (its "Configuration reference"). */
class ReadmeReferenceTest {
    @Test
    void everyKeyOfReferenceConfIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = ConfigFactory.defaultReference().getConfig("hpo").entrySet().stream()
                .map(entry -> "hpo." + entry.getKey())
                .filter(key -> !readme.contains("`" + key + "`"))
                .sorted()
                .toList();
        assertEquals(List.of(), missing, "keys in reference.conf that README.md does not document");
    }
}
