package com.practicecal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnYamlTest {

    private static Map<String, Object> read(String yaml) {
        return CfnYaml.read(new StringReader(yaml));
    }

    @Test
    void shortFormTagsBecomeIntrinsics() {
        Map<String, Object> doc = read(String.join("\n",
                "a: !Ref Table",
                "b: !GetAtt Table.StreamArn",
                "c: !GetAtt [Queue, Arn]",
                "d: !Sub '${AWS::StackName}-users'",
                "e: !Sub ['${X}-y', {X: !Ref Table}]",
                "f: !If [IsProd, !Ref A, !Ref AWS::NoValue]",
                "g: !Join ['', [a, !Ref B]]",
                "h: !Equals [!Ref Env, prod]"));
        assertThat(doc.get("a")).isEqualTo(new Intrinsic.Ref("Table"));
        assertThat(doc.get("b")).isEqualTo(new Intrinsic.GetAtt("Table", "StreamArn"));
        assertThat(doc.get("c")).isEqualTo(new Intrinsic.GetAtt("Queue", "Arn"));
        assertThat(doc.get("d")).isEqualTo(new Intrinsic.Sub("${AWS::StackName}-users", Map.of()));
        assertThat(doc.get("e")).isEqualTo(new Intrinsic.Sub("${X}-y", Map.of("X", new Intrinsic.Ref("Table"))));
        assertThat(doc.get("f")).isEqualTo(new Intrinsic.Fn("Fn::If",
                List.of("IsProd", new Intrinsic.Ref("A"), new Intrinsic.Ref("AWS::NoValue"))));
        assertThat(doc.get("g")).isEqualTo(new Intrinsic.Fn("Fn::Join", List.of("", List.of("a",
                new Intrinsic.Ref("B")))));
        assertThat(doc.get("h")).isEqualTo(new Intrinsic.Fn("Fn::Equals", List.of(new Intrinsic.Ref("Env"), "prod")));
    }

    @Test
    void longFormsAreTheSameObjects() {
        Map<String, Object> doc = read(String.join("\n",
                "a: {Ref: Table}",
                "b: {'Fn::GetAtt': [Table, Arn]}",
                "c: {'Fn::Sub': 'x-${Table}'}",
                "d: {'Fn::Select': [0, [x, y]]}"));
        assertThat(doc.get("a")).isEqualTo(new Intrinsic.Ref("Table"));
        assertThat(doc.get("b")).isEqualTo(new Intrinsic.GetAtt("Table", "Arn"));
        assertThat(doc.get("c")).isEqualTo(new Intrinsic.Sub("x-${Table}", Map.of()));
        assertThat(doc.get("d")).isEqualTo(new Intrinsic.Fn("Fn::Select", List.of(0, List.of("x", "y"))));
    }

    @Test
    void datesStayStrings() {
        assertThat(read("Version: 2012-10-17").get("Version")).isEqualTo("2012-10-17");
    }
}
