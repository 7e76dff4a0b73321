package com.practicecal.local;

import java.util.Map;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/**
 * {@code AWS::SES::EmailIdentity}: the sender address or domain, created (moto: verified at once, as if the owner
 * had clicked the verification link or published the DKIM records). {@code !Ref} is the identity's name.
 */
final class SesEmailIdentityProvisioner implements ResourceProvisioner {
    static final String TYPE = "AWS::SES::EmailIdentity";
    private final SesV2Client ses;
    private final String region;

    SesEmailIdentityProvisioner(SesV2Client ses, String region) {
        this.ses = ses;
        this.region = region;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ProvisionedResource provision(CfnResource resource, StackResolver resolver) {
        Map<String, Object> props = (Map<String, Object>) resolver.resolve(resource.properties());
        String identity = Templates.asString(props.get("EmailIdentity"));
        String arn = "arn:aws:ses:" + region + ":" + StackResolver.LOCAL_ACCOUNT_ID + ":identity/" + identity;
        boolean adopted;
        try {
            ses.getEmailIdentity(b -> b.emailIdentity(identity));
            adopted = true;
        } catch (NotFoundException absent) {
            ses.createEmailIdentity(b -> b.emailIdentity(identity));
            adopted = false;
        }
        return new ProvisionedResource(resource.logicalId(), TYPE, identity, Map.of("Arn", arn), adopted);
    }

    @Override
    public void delete(ProvisionedResource resource) {
        ses.deleteEmailIdentity(b -> b.emailIdentity(resource.physicalId()));
    }
}
