package com.practicecal.shared.account;

/** GET /v1/me and the sign-up response. */
public record AccountView(String userId, String accountId, String practiceName, String plan, String role,
                          String timeZone, Limits limits) {
    public record Limits(Integer monthlyAppointments, int rooms, boolean delegation, boolean staff) {
    }

    public static AccountView of(Membership membership, Account account) {
        var plan = account.plan();
        var cap = plan.monthlyAppointmentCap();
        return new AccountView(membership.userId(), account.id(), account.name(), plan.name(), membership.role().name(),
                account.timeZone().getId(), new Limits(cap.isPresent() ? cap.getAsInt() : null, plan.maxRooms(),
                plan.allowsDelegation(), plan.allowsStaff()));
    }
}
