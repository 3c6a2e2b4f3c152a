package app.kadr.account;

import app.kadr.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> byUsername(String username) {
        return jdbc.sql("select * from users where username = ?")
                .param(username)
                .query(Users::map)
                .optional();
    }

    Optional<User> byId(UUID id) {
        return jdbc.sql("select * from users where id = ?")
                .param(id)
                .query(Users::map)
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    void insert(User user) {
        jdbc.sql("""
                        insert into users (id, username, display_name, password_hash, role, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        user.id(),
                        user.username(),
                        user.displayName(),
                        user.passwordHash(),
                        user.role().name(),
                        Rows.ts(user.createdAt()))
                .update();
    }

    void changePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = ? where id = ?")
                .params(passwordHash, id)
                .update();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                Rows.uuid(rs, "id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                Rows.instant(rs, "created_at"));
    }
}
