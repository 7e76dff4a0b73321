package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge rate limits as declared: AWS WAF rate-based rules per client IP on the CloudFront WebACL for
 * {@code /v1/public/*} and {@code /v1/signup*}, with the limits README documents; edge-waf.yaml (the same WebACL
 * for stacks outside us-east-1) may not drift from template.yaml.
 */
class EdgeRateLimitsTest {
    /** rule name → limit per 5 minutes, path prefix, methods (empty: all). README "Edge rate limits" states these. */
    private record Limit(int perFiveMinutes, String pathPrefix, List<String> methods) {
    }

    private static final Map<String, Limit> DOCUMENTED = Map.of(
            "SignupPerIp", new Limit(10, "/v1/signup", List.of()),
            "PublicWritesPerIp", new Limit(20, "/v1/public/", List.of("POST", "PATCH", "DELETE")),
            "PublicReadsPerIp", new Limit(300, "/v1/public/", List.of()));

    private final SamTemplate template = SamTemplate.load();

    @Test
    void theWebAclRateLimitsEachClientIpOnPublicRoutesAndSignup() {
        CfnResource acl = template.resource("EdgeWebAcl");
        assertThat(acl.type()).isEqualTo("AWS::WAFv2::WebACL");
        assertThat(acl.property("Scope")).contains("CLOUDFRONT");
        Map<String, Limit> declared = new LinkedHashMap<>();
        for (Object r : acl.list("Rules")) {
            Map<String, Object> rule = Templates.asMap(r);
            String name = Templates.asString(rule.get("Name"));
            Map<String, Object> rate = Templates.asMap(Templates.asMap(rule.get("Statement")).get("RateBasedStatement"));
            assertThat(Templates.asString(rate.get("AggregateKeyType"))).as(name).isEqualTo("IP");
            assertThat(Templates.asString(rate.get("EvaluationWindowSec"))).as(name).isEqualTo("300");
            Map<String, Object> block = Templates.asMap(Templates.asMap(rule.get("Action")).get("Block"));
            assertThat(Templates.asString(Templates.asMap(block.get("CustomResponse")).get("ResponseCode"))).as(name)
                    .isEqualTo("429");
            List<String> paths = new ArrayList<>();
            List<String> methods = new ArrayList<>();
            collectMatches(rate.get("ScopeDownStatement"), paths, methods);
            assertThat(paths).as(name).hasSize(1);
            declared.put(name, new Limit(Integer.parseInt(Templates.asString(rate.get("Limit"))), paths.get(0), methods));
        }
        assertThat(declared).isEqualTo(DOCUMENTED);
    }

    @Test
    void readmeDocumentsTheLimits() throws IOException {
        String readme = Files.readString(template.root().resolve("README.md"));
        DOCUMENTED.forEach((name, limit) -> assertThat(readme).as(name)
                .contains("`" + name + "`").contains(limit.perFiveMinutes() + " requests per 5 minutes"));
    }

    @Test
    void edgeWafTemplateDeclaresTheSameWebAcl() {
        SamTemplate edge = SamTemplate.load(template.root().resolve("edge-waf.yaml"));
        assertThat(edge.resource("EdgeWebAcl").properties()).isEqualTo(template.resource("EdgeWebAcl").properties());
    }

    @Test
    void everyCloudFrontDistributionCarriesTheWebAcl() {
        for (CfnResource distribution : template.resourcesOfType("AWS::CloudFront::Distribution")) {
            assertThat(distribution.property("DistributionConfig", "WebACLId")).as(distribution.logicalId()).isPresent();
        }
    }

    /** The URI path prefixes and HTTP methods a scope-down statement matches. */
    private static void collectMatches(Object statement, List<String> paths, List<String> methods) {
        Map<String, Object> s = Templates.asMap(statement);
        if (s.containsKey("ByteMatchStatement")) {
            Map<String, Object> match = Templates.asMap(s.get("ByteMatchStatement"));
            Map<String, Object> field = Templates.asMap(match.get("FieldToMatch"));
            String value = Templates.asString(match.get("SearchString"));
            if (field.containsKey("UriPath")) {
                assertThat(Templates.asString(match.get("PositionalConstraint"))).isEqualTo("STARTS_WITH");
                paths.add(value);
            } else if (field.containsKey("Method")) {
                methods.add(value);
            }
        }
        for (String compound : List.of("AndStatement", "OrStatement")) {
            if (s.containsKey(compound)) {
                for (Object inner : Templates.asList(Templates.asMap(s.get(compound)).get("Statements"))) {
                    collectMatches(inner, paths, methods);
                }
            }
        }
    }
}
