package com.axpay.kit.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files at the repository root, found by walking up from the module directory (no absolute paths). */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with template.yaml) not found above the module");
    }
}
