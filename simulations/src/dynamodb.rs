//! DynamoDB capacity: calculator, planner, partition simulation.
