/** Test and benchmark support: seeded, streaming generators of input data for Vigil and its peers. */
package dev.vigil.testkit;
