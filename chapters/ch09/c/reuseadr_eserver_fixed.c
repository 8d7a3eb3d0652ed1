/* ch09/reuseadr_eserver_fixed: reuseadr_eserver with SO_REUSEADDR set before bind, so it
 * restarts at once on a port in TIME_WAIT. The kit's C reference. Usage: reuseadr_eserver_fixed <port> */
#define REUSE
#include "reuseadr_eserver.c"
