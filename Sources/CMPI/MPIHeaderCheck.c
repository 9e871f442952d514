// When Open MPI's header is present at build time, checks the assumptions MPILibrary.c makes
// about its ABI; without the header there is nothing to check (the binding needs none).
#if __has_include(<mpi/mpi.h>)
#include <mpi/mpi.h>

_Static_assert(MPI_SUCCESS == 0, "MPI_SUCCESS");
_Static_assert(MPI_THREAD_FUNNELED == 1, "MPI_THREAD_FUNNELED");
_Static_assert(MPI_MAX_ERROR_STRING == 256, "MPI_MAX_ERROR_STRING");
_Static_assert(sizeof(MPI_Comm) == sizeof(void *), "MPI_Comm is a pointer");
_Static_assert(sizeof(MPI_Datatype) == sizeof(void *), "MPI_Datatype is a pointer");
_Static_assert(sizeof(MPI_Request) == sizeof(void *), "MPI_Request is a pointer");
_Static_assert(sizeof(MPI_Op) == sizeof(void *), "MPI_Op is a pointer");
#endif
