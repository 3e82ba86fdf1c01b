// Every native call of Refheap lives in this assembly's Platform folder and passes only
// blittable values (pointers, integers, doubles). With runtime marshalling disabled, the
// ReadyToRun compiler emits those calls directly into the precompiled code; without it, each
// first call made the runtime generate and JIT-compile an IL stub (four at every start-up,
// the process's first JIT compilations: the JIT itself was loaded and initialised for them).
[assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]
