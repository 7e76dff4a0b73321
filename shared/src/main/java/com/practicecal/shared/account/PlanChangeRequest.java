package com.practicecal.shared.account;

import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.plan.Plan;

/** PUT /v1/account/plan */
public record PlanChangeRequest(String plan) implements Validatable {
    @Override
    public void validate() {
        Plan.parse("plan", plan);
    }

    public Plan target() {
        return Plan.parse("plan", plan);
    }
}
