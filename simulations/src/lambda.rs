//! Lambda execution environments: a discrete-event simulation of one function.
