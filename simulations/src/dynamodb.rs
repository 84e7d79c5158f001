//! Capacity of `DynamoDB` tables: calculator, planner, partition simulation.
