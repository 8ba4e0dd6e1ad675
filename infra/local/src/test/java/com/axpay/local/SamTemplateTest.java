package com.axpay.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamTemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() throws Exception {
        template = SamTemplate.load(FixtureApi.templatePath(), "eu-south-1", "axpay-local");
    }

    @Test
    void routesComeFromTheHttpApiEventsWithUpperCasedMethods() {
        assertEquals(List.of(
                new SamTemplate.HttpRoute("EchoFunction", "GET", "/items/{itemId}"),
                new SamTemplate.HttpRoute("EchoFunction", "POST", "/items"),
                new SamTemplate.HttpRoute("EchoFunction", "ANY", "/files/{proxy+}"),
                new SamTemplate.HttpRoute("LiteralFunction", "GET", "/items/special"),
                new SamTemplate.HttpRoute("ResponsesFunction", "GET", "/responses/{kind}"),
                new SamTemplate.HttpRoute("InferredFunction", "GET", "/inferred"),
                new SamTemplate.HttpRoute("FailingFunction", "GET", "/fail")), template.routes());
        assertEquals("POST /items", template.routes().get(1).routeKey());
    }

    @Test
    void functionsTakeGlobalsAndResolveTheirEnvironment() {
        SamTemplate.FunctionDef echo = template.functions().get(0);
        assertEquals("com.axpay.local.fixture.EchoHandler", echo.handlerClass());
        assertEquals("handleRequest", echo.handlerMethod());
        assertEquals(10, echo.timeoutSeconds());
        assertTrue(echo.codeUri().endsWith("test-classes"), echo.codeUri().toString());
        Map<String, String> env = echo.environment();
        assertEquals("axpay-local-items", env.get("ITEMS_TABLE"));
        assertEquals("from-function", env.get("STAGE"), "a function's variable overrides Globals");
        assertEquals("hello-test-eu-south-1", env.get("GREETING"));
        assertEquals("no", env.get("PROD_ONLY"));
        assertEquals(List.of("SECRET_THING", "NEEDS_INPUT"), echo.unresolvedVariables());
        assertEquals("test", template.functions().get(1).environment().get("STAGE"));
    }

    @Test
    void handlerWithoutMethodDefaultsToHandleRequest() {
        SamTemplate.FunctionDef literal = template.functions().get(1);
        assertEquals("com.axpay.local.fixture.LiteralHandler", literal.handlerClass());
        assertEquals("handleRequest", literal.handlerMethod());
    }

    @Test
    void schedulesResolveTheirExpressionAndState() {
        List<SamTemplate.Schedule> s = template.schedules();
        assertEquals(3, s.size());
        assertEquals(new SamTemplate.Schedule("TickFunction", "Every", "Schedule", "rate(5 minutes)", true, null),
                s.get(0));
        assertFalse(s.get(1).enabled());
        assertEquals("ScheduleV2", s.get(2).type());
        assertEquals("{\"job\":\"sweep\",\"limit\":10}", s.get(2).input());
    }

    @Test
    void tablesSkipFalseConditionsAndConvertSimpleTables() {
        List<SamTemplate.TableDef> tables = template.tables();
        assertEquals(List.of("axpay-local-items", "Things"),
                tables.stream().map(SamTemplate.TableDef::tableName).toList());
        assertFalse(tables.get(0).properties().containsKey("SSESpecification"),
                "encryption refers to an import only AWS has; it does not shape a local table");
        assertEquals(List.of(Map.of("AttributeName", "thingId", "KeyType", "HASH")),
                tables.get(1).properties().get("KeySchema"));
    }
}
