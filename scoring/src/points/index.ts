// Operations of this area are exported here, one file per operation.
export {};
