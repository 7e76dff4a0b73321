package com.practicecal.local;

import java.util.List;

/**
 * A JWT authorizer of an {@code AWS::Serverless::HttpApi}: issuer and audiences are still unresolved template
 * values (e.g. {@code !Sub 'https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}'}).
 */
public record JwtAuthorizerConfig(String name, String identitySource, Object issuer, List<Object> audience) {
}
