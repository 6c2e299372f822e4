package org.yizhan.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The reference application's one table. */
@Entity
public class Greeting extends PanacheEntityBase {

    @Id
    public Long id;

    public String message;
}
