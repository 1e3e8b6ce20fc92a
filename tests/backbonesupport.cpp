#include "backbonesupport.h"

#include "model/backboneimpl.h"

#include <ATen/Functions.h>

namespace rs::test {

bool sameTensors(const Backbone &a, const Backbone &b, const std::string &prefix, bool buffers)
{
    const auto left = buffers ? a.impl().model->named_buffers() : a.impl().model->named_parameters();
    const auto right = buffers ? b.impl().model->named_buffers() : b.impl().model->named_parameters();
    for (const auto &item : left)
        if (item.key().rfind(prefix, 0) == 0 && !at::equal(item.value(), right[item.key()]))
            return false;
    return true;
}

} // namespace rs::test
