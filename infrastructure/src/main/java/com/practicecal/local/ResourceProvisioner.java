package com.practicecal.local;

/** Creates and deletes one CloudFormation resource type on the local endpoint. */
interface ResourceProvisioner {

    String type();

    /** Creates the resource, or adopts an existing one of the same physical name. */
    ProvisionedResource provision(CfnResource resource, StackResolver resolver);

    void delete(ProvisionedResource resource);
}
