package com.axpay.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            new SamTemplate.HttpRoute("ById", "GET", "/payments/{paymentId}"),
            new SamTemplate.HttpRoute("Literal", "GET", "/payments/search"),
            new SamTemplate.HttpRoute("Start", "POST", "/payments"),
            new SamTemplate.HttpRoute("AnyItem", "ANY", "/payments/{paymentId}"),
            new SamTemplate.HttpRoute("Proxy", "ANY", "/static/{proxy+}")));

    private String match(String method, String path) {
        return table.match(method, path).map(m -> m.route().functionId() + " " + m.pathParameters()).orElse("none");
    }

    @Test
    void literalSegmentsBeatParametersAndMethodsBeatAny() {
        assertEquals("Literal {}", match("GET", "/payments/search"));
        assertEquals("ById {paymentId=p-1}", match("GET", "/payments/p-1"));
        assertEquals("AnyItem {paymentId=p-1}", match("DELETE", "/payments/p-1"));
        assertEquals("Start {}", match("POST", "/payments"));
    }

    @Test
    void pathParametersAreDecoded() {
        assertEquals("ById {paymentId=a b/c}", match("GET", "/payments/a%20b%2Fc"));
    }

    @Test
    void greedyParameterTakesTheRestOfThePath() {
        assertEquals("Proxy {proxy=css/site/main.css}", match("GET", "/static/css/site/main.css"));
        assertEquals("none", match("GET", "/static"));
    }

    @Test
    void nothingMatchesWithoutDefaultRoute() {
        assertEquals("none", match("GET", "/payments"));
        assertEquals("none", match("GET", "/payments/p-1/extra"));
        assertEquals("none", match("GET", "/payments/"));
    }

    @Test
    void defaultRouteCatchesTheRest() {
        RouteTable withDefault = new RouteTable(List.of(new SamTemplate.HttpRoute("Start", "POST", "/payments"),
                new SamTemplate.HttpRoute("Fallback", "ANY", null)));
        assertEquals("$default", withDefault.match("GET", "/anything").orElseThrow().route().routeKey());
        assertTrue(withDefault.match("POST", "/payments").orElseThrow().pathParameters().isEmpty());
        assertEquals(Map.of(), withDefault.match("GET", "/").orElseThrow().pathParameters());
    }
}
