package com.practicecal.local;

import java.util.Map;

/**
 * A CloudFormation intrinsic function as written in the template ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub '...'}, or their long forms). Kept as data when the template is read; {@link StackResolver} turns
 * them into values once physical resources exist.
 */
public sealed interface Intrinsic {

    /** {@code !Ref X}: a parameter, a pseudo parameter (AWS::StackName, ...) or a resource's physical id. */
    record Ref(String target) implements Intrinsic {
    }

    /** {@code !GetAtt Resource.Attribute}. */
    record GetAtt(String resource, String attribute) implements Intrinsic {
    }

    /** {@code !Sub 'text ${Var} ${Res.Attr}'}, optionally with its own variables. */
    record Sub(String template, Map<String, Object> variables) implements Intrinsic {
    }

    /** Any other function ({@code Fn::Join}, {@code Fn::If}, ...) with its argument as written. */
    record Fn(String name, Object argument) implements Intrinsic {
    }
}
