package com.axpay.lambdarun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What Lambda's managed Java runtime brings besides the function's code: the JVM (the runtime's Java major when that
 * JDK is installed), its JVM options, and the runtime interface client with its libraries on the class path.
 */
public final class ManagedRuntime {

    /** The deployed runtime's Java major ({@code java25}). */
    public static final int JAVA_MAJOR = 25;
    /** The runtime interface client's entry point; its argument is the handler string. */
    public static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Makes {@code org.crac} hand the functions' hooks to the runtime client, which runs them for SnapStart. */
    public static final String CRAC_COMPAT = "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac";
    static final List<String> CLIENT_JARS = List.of("aws-lambda-java-runtime-interface-client.jar",
            "aws-lambda-java-core.jar", "aws-lambda-java-serialization.jar", "utils-lite.jar");

    /** The runtime client loads its JNI library from this file when set, instead of unpacking one itself. */
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static Path clientDir;
    private static Path jniLibrary;

    private ManagedRuntime() {
    }

    /**
     * The JVM options the managed runtime starts a function with (as its public process dumps show): heap at 85 % of
     * the function's memory, serial GC, C1 only, class-data sharing when available.
     */
    public static List<String> jvmOptions(int memoryMb) {
        List<String> o = new ArrayList<>();
        o.add("-XX:MaxHeapSize=" + (memoryMb * 1024L * 85 / 100) + "k");
        o.add("-XX:+UseSerialGC");
        o.add("-Xshare:auto");
        o.add("-XX:+TieredCompilation");
        o.add("-XX:TieredStopAtLevel=1");
        o.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        o.add(CRAC_COMPAT);
        return o;
    }

    /**
     * The {@code java} to run functions with: {@code LAMBDA_JAVA_HOME} when set, else a JDK of the deployed runtime's
     * major installed beside the current one (same JVM folder), else the current JVM.
     */
    public static Path javaExecutable() {
        String configured = System.getenv("LAMBDA_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "bin", "java");
        }
        Path current = Path.of(System.getProperty("java.home"));
        Path folder = current.getParent();
        if (folder != null && majorOf(current) != JAVA_MAJOR) {
            try (Stream<Path> homes = Files.list(folder)) {
                Path match = homes.filter(h -> majorOf(h) == JAVA_MAJOR && Files.isExecutable(h.resolve("bin/java")))
                        .sorted().findFirst().orElse(null);
                if (match != null) {
                    return match.resolve("bin/java");
                }
            } catch (IOException e) {
                // no readable JVM folder: the current JVM runs the functions
            }
        }
        return current.resolve("bin/java");
    }

    /** The feature release of a Java home, from its {@code release} file; 0 when unknown. */
    static int majorOf(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            p.load(in);
        } catch (IOException e) {
            return 0;
        }
        String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        String first = v.split("[.+-]")[0];
        try {
            return Integer.parseInt(first);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The runtime client's jars, written once per JVM into a temporary folder (the runtime's {@code /var/runtime}). */
    public static synchronized Path runtimeClientDir() {
        if (clientDir != null) {
            return clientDir;
        }
        try {
            Path dir = Files.createTempDirectory("lambda-runtime-client");
            for (String jar : CLIENT_JARS) {
                try (InputStream in = ManagedRuntime.class.getResourceAsStream("/lambda-runtime-client/" + jar)) {
                    if (in == null) {
                        throw new IllegalStateException("the runtime client's " + jar + " is not among this "
                                + "module's resources: build infra/lambda-runtime with Maven");
                    }
                    Files.copy(in, dir.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            jniLibrary = unpackJni(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TaskRoots.deleteTree(dir)));
            clientDir = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The runtime client's JNI library for this machine, unpacked once. By itself the client copies it to the fixed
     * path {@code /tmp/.libaws-lambda-jni.so} on every start: fine in Lambda, where each environment has its own
     * {@code /tmp}, but here two environments starting at once would rewrite the file while the other maps it (the
     * JVM dies with SIGBUS). Null when there is none for this platform (the client then does its own unpacking).
     */
    public static synchronized Path jniLibrary() {
        runtimeClientDir();
        return jniLibrary;
    }

    private static Path unpackJni(Path dir) throws IOException {
        String arch = System.getProperty("os.arch");
        String name = arch.equals("amd64") || arch.equals("x86_64") ? "libaws-lambda-jni.linux-x86_64.so"
                : arch.equals("aarch64") ? "libaws-lambda-jni.linux-aarch_64.so" : null;
        if (name == null || !System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return null;
        }
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(dir.resolve(CLIENT_JARS.get(0)).toFile())) {
            java.util.zip.ZipEntry entry = jar.getEntry("jni/" + name);
            if (entry == null) {
                return null;
            }
            Path target = dir.resolve(name);
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }
    }

    /** The class path of a function JVM: the runtime client and its libraries only (the code is the task root). */
    public static String classPath() {
        Path dir = runtimeClientDir();
        return String.join(java.io.File.pathSeparator, CLIENT_JARS.stream().map(j -> dir.resolve(j).toString())
                .toList());
    }
}
