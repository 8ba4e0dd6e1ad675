package com.axpay.lambdarun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Deployment jars unpacked as Lambda unpacks them into {@code /var/task}: the runtime client loads the function's
 * classes from its working directory (and {@code lib/*.jar} there), not from the class path. Each jar is unpacked
 * once into {@code lambda-task-roots/} beside it (in the build's {@code target/}, gone with {@code mvn clean}) and
 * reused by every function of that jar, by later runs too, until the jar changes. Unpacking goes to a temporary
 * folder that is then renamed, so two processes starting at once never see half a task root.
 */
public final class TaskRoots implements AutoCloseable {

    private static final String DONE = ".unpacked";

    private final Map<String, Path> unpacked = new HashMap<>();

    public TaskRoots() {
    }

    /**
     * The task root of {@code jar}, unpacked on first use (again when the jar changed since); a folder is a task root
     * already (classes and {@code lib/*.jar}, as Lambda accepts a zip of them).
     */
    public synchronized Path of(Path jar) {
        if (Files.isDirectory(jar)) {
            return jar.toAbsolutePath().normalize();
        }
        try {
            Path abs = jar.toAbsolutePath().normalize();
            String key = abs + "@" + Files.getLastModifiedTime(abs).toMillis() + "/" + Files.size(abs);
            Path root = unpacked.get(key);
            if (root != null) {
                return root;
            }
            Path base = Files.createDirectories(abs.getParent().resolve("lambda-task-roots"));
            String name = abs.getFileName().toString();
            root = base.resolve(name + "-" + Integer.toHexString(key.hashCode()));
            if (!Files.exists(root.resolve(DONE))) {
                Path tmp = Files.createTempDirectory(base, name + ".unpacking-");
                unzip(abs, tmp);
                Files.createFile(tmp.resolve(DONE));
                try {
                    Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    deleteTree(tmp); // another process unpacked the same jar first
                    if (!Files.exists(root.resolve(DONE))) {
                        throw raced;
                    }
                }
                removeOlder(base, name, root);
            }
            unpacked.put(key, root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar, e);
        }
    }

    /** Task roots of earlier builds of the same jar. */
    private static void removeOlder(Path base, String name, Path current) throws IOException {
        try (Stream<Path> all = Files.list(base)) {
            all.filter(p -> !p.equals(current) && p.getFileName().toString().startsWith(name + "-")
                    && Files.exists(p.resolve(DONE))).forEach(TaskRoots::deleteTree);
        }
    }

    private static void unzip(Path jar, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the task root: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy((InputStream) zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover temporary file is harmless
                }
            });
        } catch (IOException e) {
            // same
        }
    }

    @Override
    public synchronized void close() {
        unpacked.clear();
    }
}
