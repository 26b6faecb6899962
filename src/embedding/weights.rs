//! The weights embedded in the executable, read one tensor at a time and let go of as soon as
//! that tensor is converted, so loading never holds the f16 file and the f32 model at once.
//!
//! The f16 safetensors file is part of the executable (43 MiB). Converting it to the model's
//! f32 tensors (86 MiB) used to leave every page of the file resident until the whole model was
//! built, a start-up peak of about 43 MiB above what the bot holds afterwards. Here each
//! tensor's pages are given back to the kernel right after that tensor is converted.

use candle_core::safetensors::{Load, SliceSafetensors};
use candle_core::{DType, Device, Result, Shape, Tensor};
use candle_nn::Init;
use candle_nn::var_builder::SimpleBackend;

/// A [`SimpleBackend`] over safetensors bytes that live in the executable: after a tensor is
/// read and converted, the pages holding its bytes are released ([`release_resident`]).
pub(super) struct ReleasedAfterUse {
    bytes: &'static [u8],
    inner: SliceSafetensors<'static>,
}

impl ReleasedAfterUse {
    pub(super) fn new(bytes: &'static [u8]) -> Result<Self> {
        Ok(ReleasedAfterUse {
            bytes,
            inner: SliceSafetensors::new(bytes)?,
        })
    }

    /// Reads `name` as `dtype`, then lets go of its bytes' pages.
    fn read(&self, name: &str, dtype: DType, dev: &Device) -> Result<Tensor> {
        let view = self.inner.get(name)?;
        let tensor = view.load(dev)?.to_dtype(dtype)?;
        let data = view.data();
        // The tensor's bytes are a part of `bytes`: find them there, to have them `'static`.
        let start = (data.as_ptr() as usize).wrapping_sub(self.bytes.as_ptr() as usize);
        if let Some(own) = start
            .checked_add(data.len())
            .and_then(|end| self.bytes.get(start..end))
        {
            release_resident(own);
        }
        Ok(tensor)
    }
}

impl SimpleBackend for ReleasedAfterUse {
    fn get(&self, s: Shape, name: &str, _: Init, dtype: DType, dev: &Device) -> Result<Tensor> {
        let tensor = self.read(name, dtype, dev)?;
        if tensor.shape() != &s {
            return Err(candle_core::Error::UnexpectedShape {
                msg: format!("shape mismatch for {name}"),
                expected: s,
                got: tensor.shape().clone(),
            });
        }
        Ok(tensor)
    }

    fn get_unchecked(&self, name: &str, dtype: DType, dev: &Device) -> Result<Tensor> {
        self.read(name, dtype, dev)
    }

    fn contains_tensor(&self, name: &str) -> bool {
        self.inner.get(name).is_ok()
    }
}

/// Gives back to the kernel the memory pages that lie wholly inside `bytes`, a part of the
/// executable (Linux; nothing elsewhere). The pages are the executable file's, read-only and
/// never written: the kernel reads them again from the file if they are touched (tests load
/// the model more than once), so the bytes never change.
pub(super) fn release_resident(bytes: &'static [u8]) {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: sysconf has no preconditions.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(0);
        if page == 0 {
            return;
        }
        let start = bytes.as_ptr() as usize;
        let first = start.div_ceil(page) * page;
        let end = (start + bytes.len()) / page * page;
        if end > first {
            // SAFETY: [first, end) lies inside `bytes`, a read-only static mapped privately
            // from the executable and never written, so MADV_DONTNEED only drops resident
            // copies that are read again, unchanged, from the file on the next access.
            let done = unsafe {
                libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_DONTNEED)
            };
            if done != 0 {
                tracing::debug!(error = %std::io::Error::last_os_error(), "embedded weights stay resident");
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = bytes;
}
