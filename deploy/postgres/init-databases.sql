-- One PostgreSQL server, one database per service: no service reads another's tables.
CREATE DATABASE catalog ENCODING 'UTF8';
CREATE DATABASE citation ENCODING 'UTF8';
CREATE DATABASE notification ENCODING 'UTF8';
