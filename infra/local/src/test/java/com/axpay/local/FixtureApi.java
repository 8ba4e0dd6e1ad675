package com.axpay.local;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The emulator over the fixture template (handlers from this module's test classes), on a free 127.0.0.1 port. */
final class FixtureApi implements AutoCloseable {

    static final String REGION = "eu-south-1";

    final SamTemplate template;
    final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    final Schedules schedules;
    final ApiServer server;

    FixtureApi(PrintStream log) throws Exception {
        template = SamTemplate.load(templatePath(), REGION, StackSettings.STACK_NAME);
        for (SamTemplate.FunctionDef f : template.functions()) {
            functions.put(f.logicalId(), new LambdaFunction(f, REGION, log));
        }
        schedules = new Schedules(template.schedules(), functions, REGION, log);
        server = new ApiServer(0, new ApiGateway(new RouteTable(template.routes()), functions, log), schedules,
                new DemoStorefront("http://127.0.0.1:9", "unused", "http://127.0.0.1:9/result"), log);
    }

    static Path templatePath() throws URISyntaxException {
        return Path.of(FixtureApi.class.getResource("/fixture/template.yaml").toURI());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A static field of the handler class as the function's own class loader has it. */
    Object handlerStatic(String functionId, String field) throws ReflectiveOperationException {
        return functions.get(functionId).handlerClass().getField(field).get(null);
    }

    @Override
    public void close() {
        server.close();
        schedules.close();
        functions.values().forEach(LambdaFunction::close);
    }
}
