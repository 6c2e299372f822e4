create table greeting (
    id      bigint primary key,
    message text   not null
);
insert into greeting (id, message) values (1, '你好');
