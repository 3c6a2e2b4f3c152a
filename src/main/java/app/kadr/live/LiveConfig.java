package app.kadr.live;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

@Configuration
class LiveConfig {

    /**
     * On PostgreSQL, which several instances may share, events reach every instance through the database; the
     * embedded H2 belongs to one process, so its events stay in it.
     */
    @Bean
    LiveFanout liveFanout(DataSource dataSource, LiveUpdates updates) throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(database) ? new PostgresFanout(dataSource, updates) : new LocalFanout(updates);
    }
}
