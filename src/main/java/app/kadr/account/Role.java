package app.kadr.account;

/** What a person may do beyond their own projects. The first account is the admin. */
public enum Role {
    ADMIN,
    USER
}
