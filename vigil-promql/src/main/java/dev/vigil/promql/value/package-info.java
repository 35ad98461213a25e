/** Query results as the API returns them: scalars, strings, instant vectors and matrices. */
package dev.vigil.promql.value;
